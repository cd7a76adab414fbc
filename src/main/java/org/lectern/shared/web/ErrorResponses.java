package org.lectern.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
import org.lectern.shared.error.ConflictException;
import org.lectern.shared.error.DomainException;
import org.lectern.shared.error.FieldProblem;
import org.lectern.shared.error.ForbiddenException;
import org.lectern.shared.error.InvalidInputException;
import org.lectern.shared.error.NotFoundException;
import org.lectern.shared.error.UnauthenticatedException;
import org.lectern.shared.limit.TooManyRequestsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Turns failures into answers in the caller's language: RFC 9457 problem+json under {@code /api/},
 * an error page everywhere else. Unexpected failures are logged, never shown.
 */
@ControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
record ErrorResponses(MessageSource messages, UiFactory uiFactory) {

  private static final Logger log = LoggerFactory.getLogger(ErrorResponses.class);

  @ExceptionHandler(DomainException.class)
  Object domain(DomainException e, HttpServletRequest req) {
    HttpStatus status = statusOf(e);
    return respond(req, status, e.code(), e.args(), e.fields());
  }

  /** The one 429: Retry-After, and a page or problem+json in the caller's language. */
  @ExceptionHandler(TooManyRequestsException.class)
  Object tooMany(TooManyRequestsException e, HttpServletRequest req, HttpServletResponse res) {
    res.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds()));
    return respond(req, HttpStatus.TOO_MANY_REQUESTS, e.code(), e.args(), List.of());
  }

  @ExceptionHandler(MethodArgumentNotValidException.class)
  Object beanValidation(MethodArgumentNotValidException e, HttpServletRequest req) {
    List<FieldProblem> fields =
        e.getBindingResult().getFieldErrors().stream()
            .map(
                f ->
                    new FieldProblem(
                        f.getField(), BeanValidationCodes.of(f), BeanValidationCodes.args(f)))
            .toList();
    return respond(req, HttpStatus.UNPROCESSABLE_CONTENT, "error.invalid", new Object[0], fields);
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  Object unreadable(HttpMessageNotReadableException e, HttpServletRequest req) {
    return JsonProblems.of(e)
        .map(
            f ->
                respond(
                    req,
                    HttpStatus.UNPROCESSABLE_CONTENT,
                    "error.invalid",
                    new Object[0],
                    List.of(f)))
        .orElseGet(
            () ->
                respond(req, HttpStatus.BAD_REQUEST, "error.malformed", new Object[0], List.of()));
  }

  @ExceptionHandler({
    MissingServletRequestParameterException.class,
    MissingServletRequestPartException.class,
    MethodArgumentTypeMismatchException.class
  })
  Object malformed(Exception e, HttpServletRequest req) {
    if (e instanceof MethodArgumentTypeMismatchException m && inPath(m, req)) {
      return respond(req, HttpStatus.NOT_FOUND, "error.notFound", new Object[0], List.of());
    }
    return respond(
        req, HttpStatus.BAD_REQUEST, "error.malformed", new Object[0], malformedField(e));
  }

  /**
   * Whether the value that is not of its type is a segment of the path ({@code /registrations/x}):
   * an address that cannot name anything names nothing — 404, as an unknown id — not a request to
   * correct. A query parameter of the wrong type stays 400, naming the parameter.
   */
  static boolean inPath(MethodArgumentTypeMismatchException m, HttpServletRequest req) {
    return !m.getParameter().hasParameterAnnotation(RequestParam.class)
        && req.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE)
            instanceof Map<?, ?> variables
        && variables.containsKey(m.getName());
  }

  /** Which parameter was missing or of the wrong type, so that a caller can tell which to fix. */
  static List<FieldProblem> malformedField(Exception e) {
    if (e instanceof MissingServletRequestParameterException m) {
      return List.of(new FieldProblem(m.getParameterName(), "validation.required"));
    }
    if (e instanceof MissingServletRequestPartException m) {
      return List.of(new FieldProblem(m.getRequestPartName(), "validation.required"));
    }
    if (e instanceof MethodArgumentTypeMismatchException m) {
      Class<?> type = m.getRequiredType();
      String code;
      if (type != null && type.isEnum()) {
        code = "validation.choice";
      } else if (type == Integer.class
          || type == int.class
          || type == Long.class
          || type == long.class) {
        code = "validation.integer";
      } else {
        code = "validation.invalid";
      }
      return List.of(new FieldProblem(m.getName(), code));
    }
    return List.of();
  }

  @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
  Object mediaType(Exception e, HttpServletRequest req) {
    return respond(
        req, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "error.mediaType", new Object[0], List.of());
  }

  @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
  Object method(Exception e, HttpServletRequest req) {
    return respond(req, HttpStatus.METHOD_NOT_ALLOWED, "error.method", new Object[0], List.of());
  }

  @ExceptionHandler(MaxUploadSizeExceededException.class)
  Object tooLarge(Exception e, HttpServletRequest req) {
    return respond(req, HttpStatus.CONTENT_TOO_LARGE, "error.tooLarge", new Object[0], List.of());
  }

  @ExceptionHandler(NoResourceFoundException.class)
  Object noResource(Exception e, HttpServletRequest req) {
    return respond(req, HttpStatus.NOT_FOUND, "error.notFound", new Object[0], List.of());
  }

  @ExceptionHandler(AccessDeniedException.class)
  Object denied(Exception e, HttpServletRequest req) {
    return respond(req, HttpStatus.FORBIDDEN, "error.forbidden", new Object[0], List.of());
  }

  @ExceptionHandler(Exception.class)
  Object unexpected(Exception e, HttpServletRequest req) throws Exception {
    if (e instanceof org.springframework.web.ErrorResponse er) {
      HttpStatusCode code = er.getStatusCode();
      return respond(req, HttpStatus.valueOf(code.value()), "error.http", new Object[0], List.of());
    }
    // Exception messages may quote personal data (a database constraint quotes the duplicate
    // value): the log gets types and stack traces only.
    log.error(
        "Unexpected failure on {} {}",
        req.getMethod(),
        req.getRequestURI(),
        org.lectern.shared.logging.Scrubbed.of(e));
    return respond(
        req, HttpStatus.INTERNAL_SERVER_ERROR, "error.unexpected", new Object[0], List.of());
  }

  private static HttpStatus statusOf(DomainException e) {
    if (e instanceof NotFoundException) {
      return HttpStatus.NOT_FOUND;
    }
    if (e instanceof ConflictException) {
      return HttpStatus.CONFLICT;
    }
    if (e instanceof UnauthenticatedException) {
      return HttpStatus.UNAUTHORIZED;
    }
    if (e instanceof ForbiddenException) {
      return HttpStatus.FORBIDDEN;
    }
    if (e instanceof InvalidInputException) {
      return HttpStatus.UNPROCESSABLE_CONTENT;
    }
    return HttpStatus.UNPROCESSABLE_CONTENT;
  }

  private Object respond(
      HttpServletRequest req,
      HttpStatus status,
      String code,
      Object[] args,
      List<FieldProblem> fields) {
    Ui ui = uiFactory.of(req);
    String detail = messages.getMessage(code, args, code, ui.locale());
    if (req.getRequestURI().startsWith("/api/")) {
      return problem(ui, status, code, detail, fields);
    }
    ModelAndView mv = new ModelAndView("shared/error");
    mv.setStatus(status);
    mv.addObject("ui", ui);
    mv.addObject("page", new ErrorPage(status.value(), detail));
    return mv;
  }

  private ResponseEntity<ProblemDetail> problem(
      Ui ui, HttpStatus status, String code, String detail, List<FieldProblem> fields) {
    ProblemDetail pd = ProblemDetail.forStatusAndDetail(status, detail);
    pd.setTitle(
        messages.getMessage(
            "error.title." + status.value(), null, status.getReasonPhrase(), ui.locale()));
    pd.setProperty("code", code);
    if (!fields.isEmpty()) {
      pd.setProperty(
          "errors",
          fields.stream()
              .map(
                  f ->
                      Map.of(
                          "field", f.field(),
                          "code", f.code(),
                          "message",
                              messages.getMessage(f.code(), f.args(), f.code(), ui.locale())))
              .toList());
    }
    return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(pd);
  }
}
