package vn.edu.portal.account;

import java.time.Instant;

/**
 * An account signed in from a browser it never used before (and it had signed in
 * elsewhere before): its owner should hear of it.
 *
 * @param accountId the account
 * @param at when
 * @param address the client's address
 * @param browser the browser's own description
 */
public record NewDeviceSignedIn(long accountId, Instant at, String address, String browser) {
}
