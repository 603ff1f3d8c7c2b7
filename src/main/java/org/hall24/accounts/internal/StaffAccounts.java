package org.hall24.accounts.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

import org.hall24.accounts.StaffRole;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The stored staff accounts ({@code accounts_staff}). */
@Repository
class StaffAccounts {

    private final JdbcClient jdbc;

    StaffAccounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<StaffAccount> byUsername(String username) {
        return jdbc.sql("""
                select id, username, display_name, password_hash, roles, enabled, created_at, must_change_password,
                    departments, phone, phone_masked
                from accounts_staff where username = ?""")
                .param(username)
                .query(StaffAccounts::read)
                .optional();
    }

    boolean isEmpty() {
        return jdbc.sql("select not exists (select 1 from accounts_staff)").query(Boolean.class).single();
    }

    /** Serialises the first-start check across nodes until the transaction ends. */
    void lockForBootstrap() {
        jdbc.sql("select pg_advisory_xact_lock(hashtext('hall24.accounts.bootstrap'))").query().singleRow();
    }

    void insert(StaffAccount account) {
        jdbc.sql("""
                insert into accounts_staff (id, username, display_name, password_hash, roles, enabled, created_at,
                    must_change_password, departments, phone, phone_masked)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(account.id(), account.username(), account.displayName(), account.passwordHash(),
                        account.roles().stream().map(Enum::name).sorted().collect(Collectors.joining(",")),
                        account.enabled(), Timestamp.from(account.createdAt()), account.mustChangePassword(),
                        account.departments().stream().sorted().collect(Collectors.joining(",")),
                        account.sealedPhone(), account.phoneMasked())
                .update();
    }

    /** Stores a new password hash and clears the must-change mark. */
    void changePassword(String username, String passwordHash) {
        jdbc.sql("update accounts_staff set password_hash = ?, must_change_password = false where username = ?")
                .params(passwordHash, username)
                .update();
    }

    private static StaffAccount read(ResultSet rs, int row) throws SQLException {
        return new StaffAccount(rs.getObject("id", java.util.UUID.class), rs.getString("username"),
                rs.getString("display_name"), rs.getString("password_hash"),
                Arrays.stream(rs.getString("roles").split(","))
                        .map(String::trim)
                        .filter(r -> !r.isEmpty())
                        .map(StaffRole::valueOf)
                        .collect(Collectors.toSet()),
                rs.getBoolean("enabled"), rs.getTimestamp("created_at").toInstant(),
                rs.getBoolean("must_change_password"),
                Arrays.stream(rs.getString("departments").split(","))
                        .map(String::trim)
                        .filter(d -> !d.isEmpty())
                        .collect(Collectors.toSet()),
                rs.getString("phone"), rs.getString("phone_masked"));
    }
}
