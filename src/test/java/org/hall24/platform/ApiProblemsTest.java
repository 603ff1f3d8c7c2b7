package org.hall24.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpRequestMethodNotSupportedException;

/**
 * The API's last-resort error answer: never a stack trace, always problem details.
 */
class ApiProblemsTest {

    final ApiProblems problems = new ApiProblems();

    @Test
    void anUnexpectedFailureIsA500ProblemThatRevealsNothingOfIt() {
        ResponseEntity<ProblemDetail> answer = problems.unexpected(new IllegalStateException("database password is hunter2"));

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
        assertThat(answer.getBody()).isNotNull();
        assertThat(answer.getBody().getTitle()).isEqualTo("Internal error");
        assertThat(answer.getBody().getDetail()).doesNotContain("hunter2").doesNotContain("IllegalStateException");
    }

    @Test
    void aFailureSpringAlreadyDescribesKeepsItsStatus() {
        ResponseEntity<ProblemDetail> answer = problems.unexpected(new HttpRequestMethodNotSupportedException("DELETE"));

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.METHOD_NOT_ALLOWED);
        assertThat(answer.getBody().getStatus()).isEqualTo(405);
    }
}
