package org.hall24.accounts.internal;

import java.util.List;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

/**
 * Signs staff in against {@code accounts_staff}; a role becomes the authority {@code ROLE_<role>}.
 * An account that must change its password gets only {@link PasswordChangeFilter#REQUIRED} until
 * it has.
 */
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
        List<GrantedAuthority> authorities = account.mustChangePassword() ? List.of(PasswordChangeFilter.REQUIRED)
                : account.roles().stream().map(r -> (GrantedAuthority) new SimpleGrantedAuthority("ROLE_" + r.name())).toList();
        return User.withUsername(account.username())
                .password(account.passwordHash())
                .authorities(authorities)
                .disabled(!account.enabled())
                .build();
    }
}
