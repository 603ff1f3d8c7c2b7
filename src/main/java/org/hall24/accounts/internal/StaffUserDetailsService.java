package org.hall24.accounts.internal;

import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

/** Signs staff in against {@code accounts_staff}; a role becomes the authority {@code ROLE_<role>}. */
@Service
class StaffUserDetailsService implements UserDetailsService {

    private final StaffAccounts accounts;

    StaffUserDetailsService(StaffAccounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        StaffAccount account = accounts.byUsername(username)
                .orElseThrow(() -> new UsernameNotFoundException("No staff account with that username"));
        return User.withUsername(account.username())
                .password(account.passwordHash())
                .roles(account.roles().stream().map(Enum::name).toArray(String[]::new))
                .disabled(!account.enabled())
                .build();
    }
}
