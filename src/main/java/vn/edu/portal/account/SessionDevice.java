package vn.edu.portal.account;

import java.io.Serializable;
import java.time.Instant;

/**
 * Where a session signed in from, kept in the session itself so that the list of an
 * account's sessions can show it.
 *
 * @param address the client's address at sign-in
 * @param userAgent the browser's own description
 * @param signedInAt when the session signed in
 */
record SessionDevice(String address, String userAgent, Instant signedInAt) implements Serializable {

	static final String ATTRIBUTE = SessionDevice.class.getName();

}
