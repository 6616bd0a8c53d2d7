package vn.edu.portal.directive;

/**
 * The authority a signer signs with (Decree 30, box 7): TM. on behalf of a collective
 * body, KT. a deputy for the head, TL. by order of the head, TUQ. by written delegation,
 * Q. acting head.
 */
enum SignerPrefix {

	KT, TM, TL, TUQ, Q;

	String printed() {
		return name() + ".";
	}

}
