package fr.cqpi.bench;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Pattern;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * The request thread's CPU time of each request, by method and path (a learner's sub replaced by {sub}): what each
 * step of a launch costs the tool, counted exactly rather than sampled. Added to the benchmark's application only
 * (as a source of its start), outside every filter of the tool. GC and JIT threads are not in it.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
public final class RequestCpu implements Filter {

    private static final Pattern LEARNER = Pattern.compile("/learners/[^/]+");
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final Map<String, LongAdder[]> byStep = new ConcurrentHashMap<>();

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        long start = THREADS.getCurrentThreadCpuTime();
        try {
            chain.doFilter(request, response);
        } finally {
            long spent = THREADS.getCurrentThreadCpuTime() - start;
            HttpServletRequest http = (HttpServletRequest) request;
            LongAdder[] step = byStep.computeIfAbsent(
                    http.getMethod() + " "
                            + LEARNER.matcher(http.getRequestURI()).replaceAll("/learners/{sub}"),
                    k -> new LongAdder[] {new LongAdder(), new LongAdder()});
            step[0].increment();
            step[1].add(spent);
        }
    }

    void reset() {
        byStep.clear();
    }

    /** Each step's count and mean CPU, and its share per operation of a phase of {@code operations}. */
    String summary(long operations) {
        StringBuilder out = new StringBuilder();
        new TreeMap<>(byStep).forEach((step, counts) -> {
            long n = counts[0].sum();
            double totalMs = counts[1].sum() / 1e6;
            out.append(String.format(
                    Locale.ROOT,
                    "%s ×%d: %.2f ms each, %.2f ms per operation; ",
                    step,
                    n,
                    totalMs / n,
                    totalMs / operations));
        });
        return out.toString();
    }
}
