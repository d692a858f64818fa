package fr.cqpi.shared;

import jakarta.servlet.http.HttpServletRequest;
import java.util.function.Supplier;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * What a request that changes nothing (GET, HEAD) has already read, kept until it ends: a grid page written with its
 * panels checks the same learner's access once per panel. Outside a request, or in one that may write, every call
 * reads. A read that throws keeps nothing.
 */
public final class RequestMemo {

    private RequestMemo() {}

    @SuppressWarnings("unchecked")
    public static <T> T get(String key, Supplier<T> read) {
        if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)) {
            return read.get();
        }
        HttpServletRequest request = attributes.getRequest();
        if (!"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod())) {
            return read.get();
        }
        String name = RequestMemo.class.getName() + "." + key;
        Object kept = request.getAttribute(name);
        if (kept != null) {
            return (T) kept;
        }
        T value = read.get();
        request.setAttribute(name, value);
        return value;
    }
}
