package org.hall24.accounts.internal;

import java.time.Duration;
import java.util.Optional;

import org.hall24.accounts.StaffDirectory;
import org.hall24.platform.PersonalDataCipher;
import org.hall24.shared.MobileNumber;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/**
 * The staff directory over {@code accounts_staff}. A password check goes through the same
 * {@link SignInThrottle} as {@code /login}: a locked name or address is refused before the password
 * is looked at, a failure counts, a success clears the name's failures. An unknown name is checked
 * against a fixed hash so that it takes as long as a wrong password.
 */
@Service
class JdbcStaffDirectory implements StaffDirectory {

    private final StaffAccounts accounts;
    private final PasswordEncoder passwords;
    private final SignInThrottle throttle;
    private final PersonalDataCipher cipher;
    private final String unknownHash;

    JdbcStaffDirectory(StaffAccounts accounts, PasswordEncoder passwords, SignInThrottle throttle, PersonalDataCipher cipher) {
        this.accounts = accounts;
        this.passwords = passwords;
        this.throttle = throttle;
        this.cipher = cipher;
        this.unknownHash = passwords.encode("no such account: the hash an unknown name is checked against");
    }

    @Override
    public Optional<StaffMember> find(String username) {
        return accounts.byUsername(username).filter(StaffAccount::enabled).map(this::member);
    }

    @Override
    public PasswordCheck checkPassword(String username, String password, String clientAddress) {
        Optional<Duration> locked = throttle.lockedFor(username, clientAddress);
        if (locked.isPresent()) {
            return new Locked(locked.get());
        }
        Optional<StaffAccount> account = accounts.byUsername(username);
        boolean matches = passwords.matches(password, account.map(StaffAccount::passwordHash).orElse(unknownHash));
        if (matches && account.isPresent() && account.get().enabled()) {
            throttle.succeeded(username);
            return new Accepted(member(account.get()));
        }
        Optional<Duration> nowLocked = throttle.failed(username, clientAddress);
        return nowLocked.<PasswordCheck>map(Locked::new).orElseGet(Rejected::new);
    }

    private StaffMember member(StaffAccount account) {
        MobileNumber phone = account.sealedPhone() == null ? null : MobileNumber.of(cipher.decrypt(account.sealedPhone()));
        return new StaffMember(account.username(), account.displayName(), account.roles(), account.departments(), phone);
    }
}
