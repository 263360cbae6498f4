package com.dealbridge.kit.web;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.lang.reflect.Method;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpEntity;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Refuses, before a controller method runs, what Spring MVC would otherwise only notice too late:
 * <ul>
 * <li>a {@code Content-Type} that is not a concrete media type ({@code *}/{@code *}, {@code application/*}):
 * Spring's header parsing throws an {@code IllegalArgumentException} for it (a 500), here it is a 415;</li>
 * <li>a write ({@code POST}, {@code PUT}, {@code PATCH}, {@code DELETE}) to a JSON endpoint whose {@code Accept}
 * admits none of the JSON types the API answers with: Spring finds that out after the method has written,
 * answering 406 for a change that was made. Here it is a 406 and nothing is written. Reads keep Spring's own 406,
 * which changes nothing; endpoints without a body (204) and pages are left alone.</li>
 * </ul>
 */
final class NegotiationGuard implements HandlerInterceptor {

    /** What the API's answers can be written as (the JSON converter's types, and YAML). */
    static final List<MediaType> ANSWERS = List.of(MediaType.APPLICATION_JSON, new MediaType("application", "*+json"),
            MediaType.APPLICATION_YAML);

    private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    /** A controller method and the class it is called on (a class-level {@code @ResponseBody} counts). */
    private record Handler(Class<?> beanType, Method method) {
    }

    /**
     * {@link #writesBody} per handler: its annotation lookups on every write were about 1.5 % of a service's CPU
     * under load. Handlers are a fixed set.
     */
    private final Map<Handler, Boolean> writesBody = new ConcurrentHashMap<>();

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws HttpMediaTypeNotSupportedException, HttpMediaTypeNotAcceptableException {
        if (!(handler instanceof HandlerMethod method) || request.getDispatcherType() == DispatcherType.ERROR) {
            // an error dispatch answers a problem whatever the request asked for
            return true;
        }
        checkContentType(request.getContentType());
        if (!READS.contains(request.getMethod()) && writesBody.computeIfAbsent(
                new Handler(method.getBeanType(), method.getMethod()), key -> writesBody(method))) {
            checkAccept(Collections.list(request.getHeaders("Accept")));
        }
        return true;
    }

    /** A JSON answer: {@code @ResponseBody} (a {@code @RestController}) or an entity, not void; pages are not. */
    private static boolean writesBody(HandlerMethod method) {
        if (method.isVoid()) {
            return false;
        }
        return HttpEntity.class.isAssignableFrom(method.getReturnType().getParameterType())
                || method.hasMethodAnnotation(ResponseBody.class)
                || AnnotatedElementUtils.hasAnnotation(method.getBeanType(), ResponseBody.class);
    }

    static void checkContentType(String header) throws HttpMediaTypeNotSupportedException {
        if (header == null || header.isBlank()) {
            return;
        }
        MediaType type;
        try {
            type = MediaType.parseMediaType(header);
        } catch (InvalidMediaTypeException e) {
            throw new HttpMediaTypeNotSupportedException("Content-Type '" + header + "' is not a media type");
        }
        if (type.isWildcardType() || type.isWildcardSubtype()) {
            throw new HttpMediaTypeNotSupportedException("Content-Type must be a concrete media type such as "
                    + "application/json, not '" + header + "'");
        }
    }

    static void checkAccept(List<String> headers) throws HttpMediaTypeNotAcceptableException {
        List<MediaType> accepted;
        try {
            accepted = MediaType.parseMediaTypes(headers);
        } catch (InvalidMediaTypeException e) {
            throw new HttpMediaTypeNotAcceptableException("Accept header is not a list of media types");
        }
        if (accepted.isEmpty()) {
            return;
        }
        for (MediaType type : accepted) {
            if (type.getQualityValue() > 0 && ANSWERS.stream().anyMatch(type::isCompatibleWith)) {
                return;
            }
        }
        throw new HttpMediaTypeNotAcceptableException(ANSWERS);
    }
}
