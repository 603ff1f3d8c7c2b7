package org.hall24.notifications.web;

import java.net.URI;
import java.security.Principal;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.hall24.notifications.ContactRole;
import org.hall24.notifications.internal.staff.ContactInput;
import org.hall24.notifications.internal.staff.ContactView;
import org.hall24.notifications.internal.staff.InvalidContactException;
import org.hall24.notifications.internal.staff.StaffContacts;
import org.hall24.platform.InvalidParameterException;
import org.hall24.platform.NotFoundException;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The staff contacts as an API, for provisioning tools: list them (phone and e-mail masked), add
 * one, replace one. The same checks as {@code /admin/contacts}: a refused contact is a 400
 * problem naming every offending field in {@code errors}, and nothing is saved. For staff with the
 * {@code ADMIN} role, by HTTP Basic on every request (the accounts module's
 * {@code AdminApiSecurityConfiguration}).
 */
@RestController
@RequestMapping(path = "/api/v1/admin/contacts", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Staff contacts (admin)", description = "Who among the staff is texted or e-mailed, and in which hours. "
        + "HTTP Basic with a staff account that has the ADMIN role; 401 without credentials, 403 without the role.")
@SecurityRequirement(name = "basicAuth")
@ApiResponse(responseCode = "400", description = "A field is missing or wrong; `errors` names each one. Nothing was saved.",
        content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(ref = "Problem")))
class ApiAdminContactsController {

    static final String PATH = "/api/v1/admin/contacts";

    private final StaffContacts contacts;

    ApiAdminContactsController(StaffContacts contacts) {
        this.contacts = contacts;
    }

    @GetMapping
    @Operation(summary = "The staff contacts", description = "Every contact, enabled or not, by hall, role and department; "
            + "phone and e-mail masked; `waiting` counts the messages held for the contact's digest.")
    List<ContactView> list() {
        return contacts.list();
    }

    @GetMapping("/{id}")
    @Operation(summary = "One staff contact, masked")
    ContactView one(@PathVariable UUID id) {
        return contacts.view(id).orElseThrow(() -> new NotFoundException("No staff contact has the id " + id));
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Add a staff contact")
    @ApiResponse(responseCode = "201", description = "Added; `Location` names the contact.")
    ResponseEntity<ContactView> create(@RequestBody Contact body, Principal principal) {
        UUID id = checked(() -> contacts.create(body.toInput(), principal.getName()));
        return ResponseEntity.created(URI.create(PATH + "/" + id)).body(contacts.view(id).orElseThrow());
    }

    @PutMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Replace a staff contact's details", description = "Every field is replaced; `enabled: false` disables it.")
    ContactView update(@PathVariable UUID id, @RequestBody Contact body, Principal principal) {
        boolean found = checked(() -> contacts.update(id, body.toInput(), principal.getName()));
        if (!found) {
            throw new NotFoundException("No staff contact has the id " + id);
        }
        return contacts.view(id).orElseThrow();
    }

    private static <T> T checked(java.util.function.Supplier<T> change) {
        try {
            return change.get();
        }
        catch (InvalidContactException e) {
            throw new InvalidParameterException(e.violations().stream()
                    .map(v -> new InvalidParameterException.InvalidParameter(v.field(), v.reason()))
                    .toList());
        }
    }

    /** A body that is not a contact's JSON object: the same 400 problem as a wrong field, naming the body. */
    @ExceptionHandler
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "The request has invalid parameters: body");
        problem.setType(URI.create("https://hall24.org/problems/invalid-parameter"));
        problem.setTitle("Invalid parameter");
        problem.setProperty("errors", List.of(Map.of("parameter", "body",
                "reason", "must be a JSON object with displayName, role, department, hall, phone, email, smsFrom, smsUntil, enabled")));
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    /**
     * A contact as a tool sends it.
     *
     * @param role COLLECTOR, REVIEWER or DUTY_OPERATOR
     * @param department the department's code, for a collector or a reviewer
     * @param phone a mainland mobile number
     * @param email optional: where the morning digest goes (else it is a text message)
     * @param smsFrom {@code HH:mm}
     * @param smsUntil {@code HH:mm} or {@code 24:00}; before {@code smsFrom} it spans midnight
     * @param enabled default true
     */
    record Contact(@Nullable String displayName, @Schema(implementation = ContactRole.class) @Nullable String role,
            @Nullable String department, @Nullable String hall, @Nullable String phone, @Nullable String email,
            @Nullable String smsFrom, @Nullable String smsUntil, @Nullable Boolean enabled) {

        ContactInput toInput() {
            return new ContactInput(displayName, role, department, hall, phone, email, smsFrom, smsUntil, enabled == null || enabled);
        }
    }
}
