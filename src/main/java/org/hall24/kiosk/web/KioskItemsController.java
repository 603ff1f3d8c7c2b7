package org.hall24.kiosk.web;

import org.hall24.identity.KioskSession;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * Placeholder for the item choice (选择事项), the journey's next screen after identification; the
 * applications journey replaces it.
 */
@Controller
class KioskItemsController {

    @GetMapping("/kiosk/items")
    String items(@VerifiedSession KioskSession session, Model model) {
        model.addAttribute("step", "items");
        return "kiosk/items";
    }
}
