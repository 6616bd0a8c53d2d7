package vn.edu.portal.incident;

/**
 * The categories of domain.md §4, each with the severity it suggests (message keys
 * {@code incident.category.CODE} and {@code incident.category.CODE.help}).
 */
public enum Category {

	BNTT(2), CLIP(3), XPVK(2), TGIA(2), LDL(3), TDTE(4), DDTH(3), CTPD(4), GMTK(2), LDAO(3), UXGV(2), UXHS(1), LOTL(3),
	/** Other: the reporter picks a severity, which the reviewer sets. */
	KHAC(2);

	private final int defaultSeverity;

	Category(int defaultSeverity) {
		this.defaultSeverity = defaultSeverity;
	}

	public int defaultSeverity() {
		return this.defaultSeverity;
	}

	/** Child sexual content: never uploaded, the URL only, police first. */
	public boolean forbidsEvidence() {
		return this == TDTE;
	}

}
