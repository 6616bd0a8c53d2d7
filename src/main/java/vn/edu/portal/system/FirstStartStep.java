package vn.edu.portal.system;

/**
 * Work of the first start on an empty database that must be done before anyone can sign
 * in: the administrator, the demo data. The steps run in their
 * {@link org.springframework.core.annotation.Order} before the web server accepts its
 * first connection (see {@link FirstStart}); each finds out itself whether it still has
 * work to do, so that later starts and other instances pass quickly.
 */
public interface FirstStartStep {

	void run();

}
