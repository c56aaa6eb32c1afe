package org.newsroom.command.article.web;

import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * Gives a route its {@link ExpectedVersion} from {@code If-Match}. Several {@code If-Match} headers are read as one
 * comma-separated list, which is invalid here, as {@code @RequestHeader} would read them.
 */
final class IfMatchResolver implements HandlerMethodArgumentResolver {

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == ExpectedVersion.class;
    }

    @Override
    public ExpectedVersion resolveArgument(
            MethodParameter parameter,
            ModelAndViewContainer container,
            NativeWebRequest request,
            WebDataBinderFactory binders) {
        String[] values = request.getHeaderValues(HttpHeaders.IF_MATCH);
        return ExpectedVersion.of(values == null ? null : String.join(",", values));
    }
}
