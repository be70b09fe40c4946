package org.storygraph.web;

import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.storygraph.common.Paged;

/**
 * RFC 8288 {@code Link} headers on every response whose body is a {@link Paged} page (a {@code common.Page} or a
 * feature's page record), whichever controller returns it:
 * {@code first} and {@code last} always, {@code prev} unless on the first page, {@code next} unless on the last.
 * The targets are root-relative ({@code /api/stories?sort=recency&page=2&size=20}): the request's path and query
 * with only {@code page} and {@code size} replaced, so they stay right behind a proxy and can be kept with a
 * cached response. An empty list has one page, page 0.
 */
@RestControllerAdvice
class PageLinks implements ResponseBodyAdvice<Object> {

    @Override
    public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    @Override
    public Object beforeBodyWrite(Object body, MethodParameter returnType, MediaType contentType,
            Class<? extends HttpMessageConverter<?>> converterType, ServerHttpRequest request,
            ServerHttpResponse response) {
        if (body instanceof Paged page && request instanceof ServletServerHttpRequest servlet) {
            response.getHeaders().set(HttpHeaders.LINK, header(servlet.getServletRequest(), page));
        }
        return body;
    }

    /** The {@code Link} header value for {@code page} answered to {@code request}. */
    static String header(HttpServletRequest request, Paged page) {
        int last = Math.max(page.totalPages() - 1, 0);
        List<String> links = new ArrayList<>(4);
        links.add(link(request, 0, page.size(), "first"));
        if (page.page() > 0) {
            links.add(link(request, Math.min(page.page() - 1, last), page.size(), "prev"));
        }
        if (page.page() < last) {
            links.add(link(request, page.page() + 1, page.size(), "next"));
        }
        links.add(link(request, last, page.size(), "last"));
        return String.join(", ", links);
    }

    private static String link(HttpServletRequest request, int page, int size, String rel) {
        String target = ServletUriComponentsBuilder.fromRequest(request)
                .replaceQueryParam("page", page).replaceQueryParam("size", size)
                .scheme(null).host(null).port(-1).build().toUriString();
        return "<" + target + ">; rel=\"" + rel + "\"";
    }
}
