package org.lectern.live;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import java.util.UUID;
import org.lectern.identity.LecternUser;
import org.lectern.shared.error.NotFoundException;
import org.lectern.shared.web.HandlerArgument;
import org.springframework.core.MethodParameter;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.HandlerMapping;

/**
 * The room's pages take their {@link Viewer} as a handler argument: who looks at the room named by
 * the path's {@code {id}} — the signed-in user (as {@code @AuthenticationPrincipal} finds them), a
 * room pass or a signed-in delegate ({@link Viewers#of}). A parameter marked {@link Moderator} must
 * moderate the room: for anyone else not even the console's existence is shown (404).
 */
@Component
record ViewerArguments(Viewers viewers) implements HandlerArgument<Viewer> {

  @Override
  public Class<Viewer> type() {
    return Viewer.class;
  }

  @Override
  public Viewer resolve(MethodParameter parameter, NativeWebRequest request) {
    HttpServletRequest req = request.getNativeRequest(HttpServletRequest.class);
    Viewer v = viewers.of(sessionId(parameter, req), user(), req);
    if (parameter.hasParameterAnnotation(Moderator.class) && !v.moderator()) {
      throw new NotFoundException("live.notFound");
    }
    return v;
  }

  /** The path's {@code {id}}, refused as {@code @PathVariable UUID id} refuses it. */
  private static UUID sessionId(MethodParameter parameter, HttpServletRequest req) {
    @SuppressWarnings("unchecked")
    var variables =
        (Map<String, String>) req.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
    String raw = variables == null ? null : variables.get("id");
    try {
      return UUID.fromString(raw);
    } catch (RuntimeException e) {
      throw new MethodArgumentTypeMismatchException(raw, UUID.class, "id", parameter, e);
    }
  }

  private static LecternUser user() {
    var auth = SecurityContextHolder.getContext().getAuthentication();
    return auth != null && auth.getPrincipal() instanceof LecternUser u ? u : null;
  }
}
