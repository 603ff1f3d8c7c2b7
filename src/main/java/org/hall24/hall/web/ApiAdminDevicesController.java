package org.hall24.hall.web;

import java.net.URI;
import java.security.Principal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.hall24.device.DeviceRegistry;
import org.hall24.device.DeviceType;
import org.hall24.device.IssuedCredential;
import org.hall24.device.RegisterDevice;
import org.hall24.device.RegisteredDevice;
import org.hall24.device.UnknownDeviceException;
import org.hall24.platform.ApiParameters;
import org.hall24.platform.NotFoundException;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import tools.jackson.databind.JsonNode;

/**
 * The device registry as an API, for provisioning tools: list the registered devices, register
 * one (its credential is in the answer, once), rotate or revoke a credential. The same service and
 * the same checks as {@code /admin/devices/registry} ({@link DeviceRegistrations}): a registered
 * device is one of its hall's devices at once.
 * <p>
 * For staff with the {@code ADMIN} role, signed in by HTTP Basic on every request (no session, so
 * no CSRF token; see the accounts module's {@code AdminApiSecurityConfiguration}). A refused
 * registration is a 400 problem naming every offending field in {@code errors}; a code or serial
 * already registered is a 409 problem. Answers carrying a credential are never cached.
 */
@RestController
@RequestMapping(path = "/api/v1/admin/devices", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Device registry (admin)", description = "Register devices and manage their MQTT credentials. "
        + "HTTP Basic with a staff account that has the ADMIN role; 401 without credentials, 403 without the role.")
@SecurityScheme(name = ApiAdminDevicesController.BASIC_AUTH, type = SecuritySchemeType.HTTP, scheme = "basic",
        description = "A staff account's username and password; the account needs the ADMIN role.")
@SecurityRequirement(name = ApiAdminDevicesController.BASIC_AUTH)
@ApiResponse(responseCode = "401", description = "No or wrong credentials (`WWW-Authenticate: Basic`).",
        content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(ref = "Problem")))
@ApiResponse(responseCode = "403", description = "The account lacks the ADMIN role, or a browser sent the request from another site.",
        content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(ref = "Problem")))
class ApiAdminDevicesController {

    static final String BASIC_AUTH = "basicAuth";
    static final String PATH = "/api/v1/admin/devices";

    private static final URI INVALID_PARAMETER = URI.create("https://hall24.org/problems/invalid-parameter");
    private static final URI CONFLICT = URI.create("https://hall24.org/problems/already-registered");
    private static final List<String> FIELDS = List.of("code", "type", "serial", "hall", "zone", "x", "y");
    private static final CacheControl NO_STORE = CacheControl.noStore();

    private final DeviceRegistry registry;
    private final DeviceRegistrations registrations;
    private final MessageSource messages;

    ApiAdminDevicesController(DeviceRegistry registry, DeviceRegistrations registrations, MessageSource messages) {
        this.registry = registry;
        this.registrations = registrations;
        this.messages = messages;
    }

    @GetMapping
    @Operation(summary = "The registered devices",
            description = "Every device in the registry (those of the hall files, provisioned at start-up, and those "
                    + "registered since), by hall and code, with its serial number and the state of its credential "
                    + "(never the credential).")
    List<AdminDevice> devices(
            @Parameter(description = "Only the devices registered in this hall, by its code.")
            @RequestParam(required = false) @Nullable String hall,
            @Parameter(description = "Only the devices of this type.", schema = @Schema(implementation = DeviceType.class))
            @RequestParam(required = false) @Nullable String type,
            HttpServletRequest request) {
        ApiParameters parameters = new ApiParameters(request, List.of("hall", "type"));
        String hallCode = parameters.text("hall", hall);
        DeviceType deviceType = parameters.constant("type", type, DeviceType.class);
        parameters.check();
        return registry.all().stream()
                .filter(d -> hallCode == null || d.hall().equals(hallCode))
                .filter(d -> deviceType == null || d.type() == deviceType)
                .map(AdminDevice::of)
                .toList();
    }

    @GetMapping("/{code}")
    @Operation(summary = "One registered device")
    AdminDevice device(@Parameter(description = "The device's code.") @PathVariable String code, HttpServletRequest request) {
        new ApiParameters(request, List.of()).check();
        return registry.find(code).map(AdminDevice::of)
                .orElseThrow(() -> new NotFoundException("No device is registered with the code '" + code + "'"));
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Register a device and issue its credential",
            description = "Checks what the admin page checks: the code (upper-case letters, digits, single hyphens; "
                    + "also the device's MQTT username and client id) and the serial are well-formed and not "
                    + "registered yet, the hall exists, the zone is one of its zones, the position lies in that zone, "
                    + "and the device is not a file cabinet (placed in its hall's file, which gives its compartments). "
                    + "The answer holds the device's credential: the only time it is shown (the platform keeps only "
                    + "its hash). The device appears on its hall's floor map and in `/api/v1/devices` at once.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                    content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                            schema = @Schema(implementation = Registration.class))))
    @ApiResponse(responseCode = "201", description = "Registered; `Location` names the device.")
    @ApiResponse(responseCode = "409", description = "The code or the serial is registered already; `errors` names which.",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(ref = "Problem")))
    ResponseEntity<Registered> register(@RequestBody JsonNode body, Principal principal, HttpServletRequest request) {
        new ApiParameters(request, List.of()).check();
        Map<String, DeviceRegistrations.Violation> violations = new LinkedHashMap<>();
        RegisterDevice device = read(body, violations);
        for (DeviceRegistrations.Violation v : registrations.check(device)) {
            violations.putIfAbsent(v.field(), v);
        }
        if (!violations.isEmpty()) {
            throw new DeviceRegistrations.Refused(new ArrayList<>(violations.values()));
        }
        IssuedCredential credential = registrations.register(device, principal.getName());
        RegisteredDevice registered = registry.find(device.code()).orElseThrow();
        return ResponseEntity.created(URI.create(PATH + "/" + device.code())).cacheControl(NO_STORE)
                .body(new Registered(AdminDevice.of(registered), Credential.of(credential)));
    }

    @PostMapping("/{code}/credential")
    @Operation(summary = "Rotate a device's credential",
            description = "Issues a new credential, shown only in this answer; the old one stops working at once and a "
                    + "session connected with it is closed. Rotating a revoked credential makes the device active again.")
    ResponseEntity<Credential> rotate(@Parameter(description = "The device's code.") @PathVariable String code,
            Principal principal, HttpServletRequest request) {
        new ApiParameters(request, List.of()).check();
        try {
            return ResponseEntity.ok().cacheControl(NO_STORE).body(Credential.of(registry.rotate(code, principal.getName())));
        }
        catch (UnknownDeviceException e) {
            throw new NotFoundException("No device is registered with the code '" + code + "'");
        }
    }

    @DeleteMapping("/{code}/credential")
    @Operation(summary = "Revoke a device's credential",
            description = "The device is disconnected and refused from now on; revoking a revoked credential changes "
                    + "nothing. The device stays registered (and on its hall's map, offline); rotating re-activates it.")
    @ApiResponse(responseCode = "204", description = "Revoked.")
    ResponseEntity<Void> revoke(@Parameter(description = "The device's code.") @PathVariable String code,
            Principal principal, HttpServletRequest request) {
        new ApiParameters(request, List.of()).check();
        try {
            registry.revoke(code, principal.getName());
            return ResponseEntity.noContent().build();
        }
        catch (UnknownDeviceException e) {
            throw new NotFoundException("No device is registered with the code '" + code + "'");
        }
    }

    /** Reads the registration, noting a missing, mistyped or unknown field; what is unreadable is left blank. */
    private static RegisterDevice read(JsonNode body, Map<String, DeviceRegistrations.Violation> violations) {
        if (!body.isObject()) {
            violations.put("body", new DeviceRegistrations.Violation("body", "api.devices.violation.not-an-object"));
            return new RegisterDevice("", null, "", "", "", -1, -1);
        }
        for (String name : body.propertyNames()) {
            if (!FIELDS.contains(name)) {
                violations.putIfAbsent(name, new DeviceRegistrations.Violation(name, "api.devices.violation.unknown-field",
                        String.join(", ", FIELDS)));
            }
        }
        String typeName = text(body, "type", violations);
        DeviceType type = null;
        if (typeName != null) {
            type = Arrays.stream(DeviceType.values()).filter(t -> t.name().equals(typeName)).findFirst().orElse(null);
            if (type == null) {
                violations.put("type", new DeviceRegistrations.Violation("type", "api.devices.violation.not-a-type",
                        String.join(", ", Arrays.stream(DeviceType.values()).map(Enum::name).toList())));
            }
        }
        String code = text(body, "code", violations);
        String serial = text(body, "serial", violations);
        String hall = text(body, "hall", violations);
        String zone = text(body, "zone", violations);
        return new RegisterDevice(code == null ? "" : code, type, serial == null ? "" : serial, hall == null ? "" : hall,
                zone == null ? "" : zone, integer(body, "x", violations), integer(body, "y", violations));
    }

    private static @Nullable String text(JsonNode body, String field, Map<String, DeviceRegistrations.Violation> violations) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            violations.put(field, new DeviceRegistrations.Violation(field, "device.violation.required"));
            return null;
        }
        if (!value.isString()) {
            violations.put(field, new DeviceRegistrations.Violation(field, "api.devices.violation.not-a-string"));
            return null;
        }
        return value.stringValue();
    }

    private static int integer(JsonNode body, String field, Map<String, DeviceRegistrations.Violation> violations) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            violations.put(field, new DeviceRegistrations.Violation(field, "device.violation.required"));
            return -1;
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            violations.put(field, new DeviceRegistrations.Violation(field, "api.devices.violation.not-an-integer"));
            return -1;
        }
        return value.intValue();
    }

    /** 409 when the only trouble is a code or serial registered already; 400 naming every field otherwise. */
    @ExceptionHandler
    ResponseEntity<ProblemDetail> refused(DeviceRegistrations.Refused e) {
        boolean conflict = e.violations().stream().allMatch(DeviceRegistrations.Violation::taken);
        List<Map<String, String>> errors = e.violations().stream()
                .map(v -> Map.of("parameter", v.field(),
                        "reason", messages.getMessage(v.messageKey(), v.args(), v.messageKey(), Locale.ENGLISH)))
                .toList();
        String names = String.join(", ", e.violations().stream().map(DeviceRegistrations.Violation::field).toList());
        ProblemDetail problem;
        if (conflict) {
            problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, "Already registered: " + names);
            problem.setType(CONFLICT);
            problem.setTitle("Already registered");
        }
        else {
            problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "The request has invalid parameters: " + names);
            problem.setType(INVALID_PARAMETER);
            problem.setTitle("Invalid parameter");
        }
        problem.setProperty("errors", errors);
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    /** Another request registered the same code or serial between the check and the insert. */
    @ExceptionHandler
    ResponseEntity<ProblemDetail> duplicate(DuplicateKeyException e) {
        return refused(new DeviceRegistrations.Refused(
                List.of(new DeviceRegistrations.Violation("code", "api.devices.violation.code-or-serial-taken"))));
    }

    /** A body that is not JSON at all (Spring would otherwise leave it to the last-resort 500). */
    @ExceptionHandler
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e) {
        return refused(new DeviceRegistrations.Refused(
                List.of(new DeviceRegistrations.Violation("body", "api.devices.violation.not-an-object"))));
    }

    /**
     * A device in the registry, for staff: with its serial number and the state of its credential,
     * never the credential.
     */
    record AdminDevice(String code, DeviceType type, String serial, String hall, String zone, int x, int y,
            RegisteredDevice.CredentialState credentialState, Instant credentialIssuedAt, boolean simulated) {

        static AdminDevice of(RegisteredDevice d) {
            return new AdminDevice(d.code(), d.type(), d.serial(), d.hall(), d.zone(), d.x(), d.y(), d.credentialState(),
                    d.credentialIssuedAt(), d.simulated());
        }
    }

    /**
     * A device to register (see {@code RegisterDevice}); every field is required and no other is taken.
     */
    @Schema(name = "DeviceRegistration")
    record Registration(
            @Schema(description = "Unique across halls; the device's MQTT username and client id. Upper-case letters, "
                    + "digits and single hyphens, at most 40 characters.", example = "JLP-YJP-POL-06") String code,
            @Schema(description = "What kind of device it is; not FILE_CABINET (placed in its hall's file).") DeviceType type,
            @Schema(description = "The manufacturer's serial number, unique; at most 64 characters.",
                    example = "GA-ZZ-2026-0606") String serial,
            @Schema(description = "The code of the hall it stands in.", example = "JLP-YJP") String hall,
            @Schema(description = "The code of the zone in that hall.", example = "self-service") String zone,
            @Schema(description = "Its centre, centimetres from the hall's left wall; within the zone.", example = "1260") int x,
            @Schema(description = "Its centre, centimetres from the hall's back wall; within the zone.", example = "500") int y) {
    }

    /**
     * A credential just issued, shown this once.
     *
     * @param username what the device connects as: its code, also its client id
     * @param password the secret to configure in the device
     */
    record Credential(String deviceCode, String username, String password) {

        static Credential of(IssuedCredential issued) {
            return new Credential(issued.deviceCode(), issued.username(), issued.password());
        }

        @Override
        public String toString() {
            return "Credential[deviceCode=" + deviceCode + ", username=" + username + ", password=****]";
        }
    }

    /** A device just registered, with its first credential. */
    record Registered(AdminDevice device, Credential credential) {
    }
}
