package org.hall24.kiosk.ime;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.lang.reflect.Constructor;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

/**
 * The candidates endpoint as the keyboard's script calls it, with the platform's real problem+json
 * advice: candidates as JSON, and a 400 problem naming the parameter for bad input.
 */
class KioskImeControllerTest {

    static MockMvc mvc;

    @BeforeAll
    static void setUp() throws Exception {
        // The platform's advice is package-private by design; the test uses the real one.
        Constructor<?> advice = Class.forName("org.hall24.platform.ApiProblems").getDeclaredConstructor();
        advice.setAccessible(true);
        mvc = MockMvcBuilders.standaloneSetup(new KioskImeController(PinyinIndexLoader.load("classpath:catalog")))
                .setControllerAdvice(advice.newInstance())
                .build();
    }

    @Test
    void answersTheCandidatesOfAPinyinInput() throws Exception {
        mvc.perform(get("/kiosk/ime/candidates").param("py", "zhang"))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(header().string("Cache-Control", containsString("no-store")))
                .andExpect(jsonPath("$.pinyin").value("zhang"))
                .andExpect(jsonPath("$.candidates[0]").value("张"))
                .andExpect(jsonPath("$.consumed").value("zhang"))
                .andExpect(jsonPath("$.limit").value(10))
                .andExpect(jsonPath("$.candidates.length()").value(10))
                .andExpect(jsonPath("$.more").value(true));
    }

    @Test
    void aWordComesFirstAndEachChoiceSaysHowMuchInputItUses() throws Exception {
        mvc.perform(get("/kiosk/ime/candidates").param("py", "yi'yuan").param("limit", "3"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.candidates[0]").value("医院"))
                .andExpect(jsonPath("$.consumed").value("yi'yuan"))
                .andExpect(jsonPath("$.choices[0].text").value("医院"))
                .andExpect(jsonPath("$.choices[0].consumed").value("yi'yuan"))
                .andExpect(jsonPath("$.choices[1].consumed").value("yi'"))
                .andExpect(jsonPath("$.candidates.length()").value(3));
    }

    @Test
    void pagesThroughTheCandidates() throws Exception {
        mvc.perform(get("/kiosk/ime/candidates").param("py", "yi").param("offset", "10").param("limit", "5"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.offset").value(10))
                .andExpect(jsonPath("$.candidates.length()").value(5));
    }

    @Test
    void inputThatIsNotLettersIsAProblem() throws Exception {
        mvc.perform(get("/kiosk/ime/candidates").param("py", "zhang3"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(400))
                .andExpect(jsonPath("$.errors[0].parameter").value("py"))
                .andExpect(jsonPath("$.errors[0].reason").value(containsString("letters")));
    }

    @Test
    void tooLongOrMissingInputIsAProblem() throws Exception {
        mvc.perform(get("/kiosk/ime/candidates").param("py", "a".repeat(PinyinIndex.MAX_INPUT + 1)))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].reason").value(containsString("longer")));
        mvc.perform(get("/kiosk/ime/candidates"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].parameter").value("py"));
    }

    @Test
    void aBadPageOrAnUnknownParameterIsAProblemNamingEach() throws Exception {
        mvc.perform(get("/kiosk/ime/candidates").param("py", "li").param("limit", "500").param("offset", "-1")
                        .param("name", "x"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[*].parameter", hasItem("limit")))
                .andExpect(jsonPath("$.errors[*].parameter", hasItem("offset")))
                .andExpect(jsonPath("$.errors[*].parameter", hasItem("name")));
    }
}
