package org.hall24.platform;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Turns away, before anything reads a parameter, what a probe or a careless client sends: a query
 * string that is not percent-encoded UTF-8 ({@code q=abc%zz}, a cut multi-byte sequence) is a 400,
 * answered as problem details under {@code /api/} and as the error page elsewhere (Tomcat would
 * otherwise throw from the first {@code getParameter}, which the API answered as a 500 with a
 * stack trace in the log); and {@code /error} asked for directly is a 404, not a 500 with status
 * 999. Only the query string is checked: a request body is left to whoever reads it, so an
 * oversized upload still reaches the page that explains it.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class MalformedRequests extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(MalformedRequests.class);

    /** The error page for a refused request runs here too, so that it reads no parameter of the broken query. */
    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getDispatcherType() == DispatcherType.ERROR) {
            chain.doFilter(wellEncoded(request.getQueryString()) ? request : withoutQuery(request), response);
            return;
        }
        if (request.getDispatcherType() == DispatcherType.REQUEST && "/error".equals(request.getRequestURI())) {
            response.sendError(HttpStatus.NOT_FOUND.value());
            return;
        }
        if (!wellEncoded(request.getQueryString())) {
            log.warn("Refused a request to {} whose query string is not percent-encoded UTF-8", request.getRequestURI());
            if (request.getRequestURI().startsWith("/api/")) {
                response.setStatus(HttpStatus.BAD_REQUEST.value());
                response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
                response.setCharacterEncoding(StandardCharsets.UTF_8.name());
                response.getWriter().write("{\"type\":\"https://hall24.org/problems/invalid-parameter\","
                        + "\"title\":\"Bad Request\",\"status\":400,"
                        + "\"detail\":\"The query string is not valid percent-encoded UTF-8.\"}");
            }
            else {
                response.sendError(HttpStatus.BAD_REQUEST.value());
            }
            return;
        }
        chain.doFilter(request, response);
    }

    /**
     * The request without its query: the error page's locale and layout read parameters, and Tomcat
     * would throw again from the broken query (showing its own English page instead of ours).
     */
    private static HttpServletRequest withoutQuery(HttpServletRequest request) {
        return new jakarta.servlet.http.HttpServletRequestWrapper(request) {
            @Override
            public @Nullable String getQueryString() {
                return null;
            }

            @Override
            public @Nullable String getParameter(String name) {
                return null;
            }

            @Override
            public java.util.Map<String, String[]> getParameterMap() {
                return java.util.Map.of();
            }

            @Override
            public java.util.Enumeration<String> getParameterNames() {
                return java.util.Collections.emptyEnumeration();
            }

            @Override
            public String @Nullable [] getParameterValues(String name) {
                return null;
            }
        };
    }

    /** Whether every {@code %} starts two hex digits and the decoded bytes are UTF-8. */
    static boolean wellEncoded(@Nullable String query) {
        if (query == null || query.indexOf('%') < 0) {
            return true;
        }
        ByteBuffer bytes = ByteBuffer.allocate(query.length());
        for (int i = 0; i < query.length(); i++) {
            char c = query.charAt(i);
            if (c == '%') {
                if (i + 2 >= query.length()) {
                    return false;
                }
                int high = Character.digit(query.charAt(i + 1), 16);
                int low = Character.digit(query.charAt(i + 2), 16);
                if (high < 0 || low < 0) {
                    return false;
                }
                bytes.put((byte) (high << 4 | low));
                i += 2;
            }
            else if (c == '&' || c == '=') {
                if (!utf8(bytes)) {
                    return false;
                }
                bytes.clear();
            }
            else {
                bytes.put((byte) c);
            }
        }
        return utf8(bytes);
    }

    private static boolean utf8(ByteBuffer bytes) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(bytes.duplicate().flip());
            return true;
        }
        catch (CharacterCodingException e) {
            return false;
        }
    }
}
