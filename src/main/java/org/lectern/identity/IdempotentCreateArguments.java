package org.lectern.identity;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import java.util.Arrays;
import org.lectern.shared.web.HandlerArgument;
import org.lectern.shared.web.api.Idempotency;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.core.MethodParameter;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.HandlerMethod;

/**
 * Resolves {@link IdempotentCreate} handler arguments, and describes them in /v3/api-docs as the
 * optional {@code Idempotency-Key} header they read (the argument itself is no part of the API).
 */
@Component
record IdempotentCreateArguments(Idempotency idempotency)
    implements HandlerArgument<IdempotentCreate>, OperationCustomizer {

  static {
    SpringDocUtils.getConfig().addRequestWrapperToIgnore(IdempotentCreate.class);
  }

  @Override
  public Class<IdempotentCreate> type() {
    return IdempotentCreate.class;
  }

  @Override
  public IdempotentCreate resolve(MethodParameter parameter, NativeWebRequest request) {
    var auth = SecurityContextHolder.getContext().getAuthentication();
    LecternUser actor = auth != null && auth.getPrincipal() instanceof LecternUser u ? u : null;
    // Repeated headers are joined with commas, as @RequestHeader String does.
    String[] keys = request.getHeaderValues(Idempotency.HEADER);
    String key = keys == null ? null : String.join(",", keys);
    return new IdempotentCreate(actor, key, idempotency);
  }

  @Override
  public Operation customize(Operation operation, HandlerMethod handler) {
    if (Arrays.stream(handler.getMethodParameters()).anyMatch(this::supportsParameter)) {
      operation.addParametersItem(
          new HeaderParameter()
              .name(Idempotency.HEADER)
              .required(false)
              .schema(new StringSchema()));
    }
    return operation;
  }
}
