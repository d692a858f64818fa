package fr.cqpi.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

class RequestMemoTest {

    final AtomicInteger reads = new AtomicInteger();

    @AfterEach
    void noRequest() {
        RequestContextHolder.resetRequestAttributes();
    }

    String read() {
        return "read " + reads.incrementAndGet();
    }

    static void inRequest(String method) {
        RequestContextHolder.setRequestAttributes(
                new ServletRequestAttributes(new MockHttpServletRequest(method, "/")));
    }

    @Test
    void aGetReadsOnceByKey() {
        inRequest("GET");
        assertThat(RequestMemo.get("a", this::read)).isEqualTo("read 1");
        assertThat(RequestMemo.get("a", this::read)).isEqualTo("read 1");
        assertThat(RequestMemo.get("b", this::read)).isEqualTo("read 2");
    }

    @Test
    void theNextRequestReadsAgain() {
        inRequest("GET");
        RequestMemo.get("a", this::read);
        inRequest("HEAD");
        assertThat(RequestMemo.get("a", this::read)).isEqualTo("read 2");
        assertThat(RequestMemo.get("a", this::read)).isEqualTo("read 2");
    }

    @Test
    void aRequestThatMayWriteAlwaysReads() {
        for (String method : new String[] {"POST", "PUT", "DELETE", "PATCH"}) {
            inRequest(method);
            String first = RequestMemo.get("a", this::read);
            assertThat(RequestMemo.get("a", this::read)).isNotEqualTo(first);
        }
    }

    @Test
    void outsideARequestAlwaysReads() {
        RequestMemo.get("a", this::read);
        assertThat(RequestMemo.get("a", this::read)).isEqualTo("read 2");
    }

    @Test
    void aReadThatThrowsKeepsNothing() {
        inRequest("GET");
        assertThatThrownBy(() -> RequestMemo.get("a", () -> {
                    throw new IllegalStateException("no such learner");
                }))
                .isInstanceOf(IllegalStateException.class);
        assertThat(RequestMemo.get("a", this::read)).isEqualTo("read 1");
    }
}
