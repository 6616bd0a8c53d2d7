package vn.edu.portal.incident;

/** Where the content was posted (message keys {@code incident.platform.*}). */
public enum Platform {

	FACEBOOK, ZALO, TIKTOK, YOUTUBE, INSTAGRAM, MESSENGER, TELEGRAM, WEBSITE, OTHER

}
