package org.hall24.kiosk.ime;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.hall24.kiosk.ime.PinyinIndex.Candidates;
import org.hall24.kiosk.ime.PinyinIndex.Choice;
import org.hall24.platform.ApiParameters;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The pinyin input method's candidates, asked by the kiosk keyboard as the citizen types. Public:
 * the answer depends only on the pinyin, never on who asks, and carries nothing personal (the
 * pinyin of a name is sent, but neither logged nor kept, and the answer is {@code no-store} so the
 * terminal's browser cache keeps no trace of what was typed).
 *
 * <p>{@code GET /kiosk/ime/candidates?py=yiyuan&offset=0&limit=10} answers
 * <pre>{"pinyin":"yiyuan","candidates":["医院","一",…],"consumed":"yiyuan",
 *  "choices":[{"text":"医院","consumed":"yiyuan"},{"text":"一","consumed":"yi"},…],
 *  "offset":0,"limit":10,"total":117,"more":true}</pre>
 * {@code consumed} is what the first candidate uses up of the input; {@code choices} tells it for
 * each. Bad input (not letters and {@code '}, longer than {@value PinyinIndex#MAX_INPUT}, a bad
 * page) is a 400 problem+json naming the parameter.
 */
@RestController
class KioskImeController {

    static final int DEFAULT_LIMIT = 10;
    static final int MAX_LIMIT = 50;
    static final int MAX_OFFSET = 10_000;

    private final PinyinIndex index;

    KioskImeController(PinyinIndex index) {
        this.index = index;
    }

    @GetMapping("/kiosk/ime/candidates")
    ResponseEntity<Map<String, Object>> candidates(@RequestParam(required = false) @Nullable String py,
            @RequestParam(required = false) @Nullable String offset,
            @RequestParam(required = false) @Nullable String limit,
            HttpServletRequest request) {
        ApiParameters parameters = new ApiParameters(request, List.of("py", "offset", "limit"));
        String refusal = PinyinIndex.refusal(py);
        if (refusal != null) {
            parameters.refuse("py", refusal);
        }
        int from = parameters.integer("offset", offset, 0, 0, MAX_OFFSET);
        int size = parameters.integer("limit", limit, DEFAULT_LIMIT, 1, MAX_LIMIT);
        parameters.check();
        Candidates found = index.candidates(py == null ? "" : py, from, size);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("pinyin", found.pinyin());
        body.put("candidates", found.choices().stream().map(Choice::text).toList());
        body.put("consumed", found.consumed());
        body.put("choices", found.choices());
        body.put("offset", found.offset());
        body.put("limit", size);
        body.put("total", found.total());
        body.put("more", found.more());
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(body);
    }
}
