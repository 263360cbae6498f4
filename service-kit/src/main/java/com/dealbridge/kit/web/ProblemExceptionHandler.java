package com.dealbridge.kit.web;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.core.MethodParameter;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.ObjectError;
import org.springframework.validation.method.ParameterErrors;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.ValueInstantiationException;

/**
 * Turns every exception leaving a controller into an RFC 9457 problem ({@code application/problem+json},
 * with {@code title}, {@code status}, {@code detail} and, for validation, {@code errors: [{field, message}]}).
 * Spring MVC's own exceptions keep their standard statuses (405, 406, 415, 404, 413, ...) through
 * {@link ResponseEntityExceptionHandler}; the overrides below only make their details clearer.
 * Lowest precedence, so a service's own advice wins for the exceptions it names.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class ProblemExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemExceptionHandler.class);
    private static final String VALIDATION_DETAIL = "The request has invalid fields; see 'errors'";

    @ExceptionHandler(ProblemException.class)
    ResponseEntity<Object> handleProblem(ProblemException ex, WebRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatusCode.valueOf(ex.status()), ex.detail());
        problem.setTitle(ex.title());
        ex.properties().forEach(problem::setProperty);
        return createResponseEntity(problem, new HttpHeaders(), HttpStatusCode.valueOf(ex.status()), request);
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<Object> handleConstraintViolation(ConstraintViolationException ex, WebRequest request) {
        List<FieldError> errors = new ArrayList<>();
        for (ConstraintViolation<?> violation : ex.getConstraintViolations()) {
            errors.add(new FieldError(fieldOf(violation.getPropertyPath()), violation.getMessage()));
        }
        return validationProblem(errors, request);
    }

    @ExceptionHandler(OptimisticLockingFailureException.class)
    ResponseEntity<Object> handleOptimisticLocking(OptimisticLockingFailureException ex, WebRequest request) {
        log.info("Concurrent modification answered with 409: {}", ex.getMessage());
        return problem(HttpStatus.CONFLICT,
                "The resource was changed concurrently by another request; reload it and try again", request);
    }

    @ExceptionHandler(DuplicateKeyException.class)
    ResponseEntity<Object> handleDuplicateKey(DuplicateKeyException ex, WebRequest request) {
        log.info("Unique index violation answered with 409: {}", ex.getMessage());
        return problem(HttpStatus.CONFLICT, "A resource with the same unique values already exists", request);
    }

    /** Not a multipart request, or a broken one; size violations are handled as 413 by the base class. */
    @ExceptionHandler(MultipartException.class)
    ResponseEntity<Object> handleMultipart(MultipartException ex, WebRequest request) {
        return problem(HttpStatus.BAD_REQUEST, "Expected a well-formed multipart/form-data request", request);
    }

    /** A bug: logged with its stack trace; the client learns nothing internal. */
    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> handleUnexpected(Exception ex, WebRequest request) {
        ResponseStatus annotated = AnnotatedElementUtils.findMergedAnnotation(ex.getClass(), ResponseStatus.class);
        if (annotated != null) {
            String reason = annotated.reason().isEmpty() ? ex.getMessage() : annotated.reason();
            return problem(annotated.code(), reason, request);
        }
        if (isUndecodableParameter(ex)) {
            // Tomcat refuses a query or form parameter that is not valid percent-encoded UTF-8 when it is read
            return problem(HttpStatus.BAD_REQUEST, "A request parameter is not valid percent-encoded UTF-8", request);
        }
        log.error("Unexpected error on {}", request.getDescription(false), ex);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR,
                "An unexpected error occurred; it has been logged", request);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldError> errors = new ArrayList<>();
        for (org.springframework.validation.FieldError error : ex.getBindingResult().getFieldErrors()) {
            errors.add(new FieldError(error.getField(), message(error)));
        }
        for (ObjectError error : ex.getBindingResult().getGlobalErrors()) {
            errors.add(new FieldError(error.getObjectName(), message(error)));
        }
        return validationProblem(errors, request);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldError> errors = new ArrayList<>();
        for (ParameterValidationResult result : ex.getParameterValidationResults()) {
            String parameter = parameterName(result.getMethodParameter());
            if (result.getContainerIndex() != null) {
                parameter += "[" + result.getContainerIndex() + "]";
            } else if (result.getContainerKey() != null) {
                parameter += "[" + result.getContainerKey() + "]";
            }
            if (result instanceof ParameterErrors parameterErrors) {
                // A validated object (e.g. a @RequestBody with method constraints): report its fields.
                for (org.springframework.validation.FieldError error : parameterErrors.getFieldErrors()) {
                    errors.add(new FieldError(error.getField(), message(error)));
                }
                for (ObjectError error : parameterErrors.getGlobalErrors()) {
                    errors.add(new FieldError(parameter, message(error)));
                }
            } else {
                for (MessageSourceResolvable error : result.getResolvableErrors()) {
                    errors.add(new FieldError(parameter, message(error)));
                }
            }
        }
        for (MessageSourceResolvable error : ex.getCrossParameterValidationResults()) {
            errors.add(new FieldError("", message(error)));
        }
        return validationProblem(errors, request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        JacksonException json = causeOfType(ex, JacksonException.class);
        List<FieldError> errors = new ArrayList<>();
        String detail;
        if (json instanceof InputCoercionException || json instanceof StreamConstraintsException) {
            // a number too large for its field (2147483648 for an int), or a value beyond the reader's limits
            // (a number of over 1000 digits, nesting over 500 deep): well-formed JSON, refused before it is used
            String message = json instanceof InputCoercionException coercion && coercion.getTargetType() != null
                    ? "is out of range for " + coercion.getTargetType().getSimpleName()
                    : "exceeds a limit of the JSON reader (too long a number, string or name, or too deep nesting)";
            if (json.getPath().isEmpty()) {
                detail = "Request body value " + message;
            } else {
                String field = jsonPath(json);
                errors.add(new FieldError(field, message));
                detail = "Invalid value for '" + field + "': " + message;
            }
        } else if (json instanceof StreamReadException) {
            TokenStreamLocation location = json.getLocation();
            detail = "Malformed JSON in request body"
                    + (location == null ? "" : " at line " + location.getLineNr() + ", column " + location.getColumnNr());
        } else if (json != null && !json.getPath().isEmpty()) {
            String field = jsonPath(json);
            String message = jsonProblem(json);
            errors.add(new FieldError(field, message));
            detail = "Invalid value for '" + field + "': " + message;
        } else if (json instanceof MismatchedInputException) {
            detail = "Request body has the wrong JSON shape (e.g. an array where an object is expected)";
        } else if (ex.getMessage() != null && ex.getMessage().startsWith("Required request body is missing")) {
            detail = "Request body is missing";
        } else {
            detail = "Request body could not be read as JSON";
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        if (!errors.isEmpty()) {
            problem.setProperty("errors", errors);
        }
        return createResponseEntity(problem, new HttpHeaders(), HttpStatus.BAD_REQUEST, request);
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        String name = ex.getPropertyName();
        String kind = "Value";
        if (ex instanceof MethodArgumentTypeMismatchException mismatch) {
            name = parameterName(mismatch.getParameter());
            kind = mismatch.getParameter().hasParameterAnnotation(PathVariable.class) ? "Path variable"
                    : mismatch.getParameter().hasParameterAnnotation(RequestHeader.class) ? "Header" : "Parameter";
        }
        String message = "must be " + describe(ex.getRequiredType());
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                kind + " '" + name + "' " + message + ", got '" + ex.getValue() + "'");
        problem.setProperty("errors", List.of(new FieldError(name, message)));
        return createResponseEntity(problem, new HttpHeaders(), HttpStatus.BAD_REQUEST, request);
    }

    @Override
    protected ResponseEntity<Object> handleNoResourceFoundException(NoResourceFoundException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        return problem(HttpStatus.NOT_FOUND,
                "No endpoint " + ex.getHttpMethod() + " /" + ex.getResourcePath(), request);
    }

    @Override
    protected ResponseEntity<Object> handleMaxUploadSizeExceededException(MaxUploadSizeExceededException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String limit = ex.getMaxUploadSize() > 0 ? " of " + ex.getMaxUploadSize() + " bytes" : "";
        return problem(HttpStatus.CONTENT_TOO_LARGE, "The upload exceeds the maximum size" + limit, request);
    }

    /** Every problem leaves as application/problem+json, whatever the client's Accept header says. */
    @Override
    protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers,
            HttpStatusCode statusCode, WebRequest request) {
        if (body instanceof ProblemDetail) {
            HttpHeaders problemHeaders = new HttpHeaders();
            problemHeaders.addAll(headers);
            problemHeaders.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
            return new ResponseEntity<>(body, problemHeaders, statusCode);
        }
        return super.createResponseEntity(body, headers, statusCode, request);
    }

    private ResponseEntity<Object> problem(HttpStatusCode status, String detail, WebRequest request) {
        return createResponseEntity(ProblemDetail.forStatusAndDetail(status, detail), new HttpHeaders(), status,
                request);
    }

    private ResponseEntity<Object> validationProblem(List<FieldError> errors, WebRequest request) {
        errors.sort(Comparator.comparing(FieldError::field).thenComparing(FieldError::message));
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT, VALIDATION_DETAIL);
        problem.setProperty("errors", errors);
        return createResponseEntity(problem, new HttpHeaders(), HttpStatus.UNPROCESSABLE_CONTENT, request);
    }

    private static String message(MessageSourceResolvable error) {
        return error.getDefaultMessage() == null ? "is invalid" : error.getDefaultMessage();
    }

    /** The name the client used: the annotation's name when given, else the Java parameter name. */
    private static String parameterName(MethodParameter parameter) {
        RequestParam requestParam = parameter.getParameterAnnotation(RequestParam.class);
        if (requestParam != null && !requestParam.name().isEmpty()) {
            return requestParam.name();
        }
        PathVariable pathVariable = parameter.getParameterAnnotation(PathVariable.class);
        if (pathVariable != null && !pathVariable.name().isEmpty()) {
            return pathVariable.name();
        }
        RequestHeader requestHeader = parameter.getParameterAnnotation(RequestHeader.class);
        if (requestHeader != null && !requestHeader.name().isEmpty()) {
            return requestHeader.name();
        }
        String name = parameter.getParameterName();
        return name == null ? "arg" + parameter.getParameterIndex() : name;
    }

    /** Drops the method and parameter nodes of method-validation paths: {@code create.request.name -> name}. */
    private static String fieldOf(Path path) {
        List<String> names = new ArrayList<>();
        String parameter = null;
        for (Path.Node node : path) {
            ElementKind kind = node.getKind();
            if (kind == ElementKind.METHOD || kind == ElementKind.CONSTRUCTOR) {
                continue;
            }
            if (kind == ElementKind.PARAMETER || kind == ElementKind.CROSS_PARAMETER) {
                parameter = node.getName();
                continue;
            }
            String name = node.getName() == null ? "" : node.getName();
            if (node.getIndex() != null) {
                name += "[" + node.getIndex() + "]";
            } else if (node.getKey() != null) {
                name += "[" + node.getKey() + "]";
            }
            if (!name.isEmpty()) {
                names.add(name);
            }
        }
        if (names.isEmpty()) {
            return parameter == null ? path.toString() : parameter;
        }
        return String.join(".", names);
    }

    private static String jsonPath(JacksonException ex) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : ex.getPath()) {
            if (reference.getPropertyName() != null) {
                if (path.length() > 0) {
                    path.append('.');
                }
                path.append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String jsonProblem(JacksonException ex) {
        if (ex instanceof InvalidFormatException invalid) {
            return "must be " + describe(invalid.getTargetType()) + ", got '" + invalid.getValue() + "'";
        }
        if (ex instanceof ValueInstantiationException && ex.getCause() != null && ex.getCause().getMessage() != null) {
            return ex.getCause().getMessage();
        }
        if (ex instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            return "must be " + describe(mismatch.getTargetType());
        }
        return "is not valid here";
    }

    private static String describe(Class<?> type) {
        if (type == null) {
            return "of another type";
        }
        if (type.equals(UUID.class)) {
            return "a UUID";
        }
        if (type.isEnum()) {
            return "one of " + Arrays.toString(type.getEnumConstants());
        }
        if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != boolean.class && type != char.class)) {
            return "a number";
        }
        if (type.equals(Boolean.class) || type.equals(boolean.class)) {
            return "true or false";
        }
        if (type.getName().startsWith("java.time.")) {
            return "an ISO-8601 " + type.getSimpleName() + " (e.g. "
                    + (type.getSimpleName().equals("LocalDate") ? "2026-12-31" : "2026-12-31T12:00:00Z") + ")";
        }
        if (type.isArray() || Iterable.class.isAssignableFrom(type)) {
            return "an array";
        }
        return "a valid " + type.getSimpleName();
    }

    /** Tomcat's InvalidParameterException, named rather than imported: the kit does not require Tomcat. */
    private static boolean isUndecodableParameter(Throwable ex) {
        for (Throwable cause = ex; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause.getClass().getName().equals("org.apache.tomcat.util.http.InvalidParameterException")) {
                return true;
            }
        }
        return false;
    }

    private static <T extends Throwable> T causeOfType(Throwable ex, Class<T> type) {
        for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return null;
    }
}
