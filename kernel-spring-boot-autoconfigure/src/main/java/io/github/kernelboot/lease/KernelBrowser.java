package io.github.kernelboot.lease;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.beans.factory.annotation.Autowired;

/**
 * Injects a {@link BrowserLease} acquired from the named pool, on a constructor parameter, a
 * field or a {@code @Bean} method parameter:
 *
 * <pre class="code">
 * &#064;Service
 * class ReportService {
 *
 *     ReportService(&#064;KernelBrowser("reports") BrowserLease lease) { ... }
 *
 * }</pre>
 *
 * The lease is acquired while the bean is created, within the pool's
 * {@code kernel.pools.<name>.acquire-timeout}; if none comes, startup fails naming the pool
 * and the wait. Every injection point gets a lease of its own, and every injected lease is
 * released when the application context closes (or earlier, by {@link BrowserLease#close()}).
 */
@Target({ ElementType.PARAMETER, ElementType.FIELD })
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Autowired
public @interface KernelBrowser {

	/**
	 * Name (or id) of the pool to acquire from; empty means {@code kernel.default-pool}.
	 * @return the pool
	 */
	String value() default "";

}
