package io.github.kernelboot.client;

/**
 * The Kernel API could not be reached, or the connection broke before a whole answer came.
 */
public class KernelConnectionException extends KernelRequestException {

	/**
	 * Creates an exception.
	 * @param method HTTP method of the request
	 * @param path path of the request
	 * @param cause the I/O failure
	 */
	public KernelConnectionException(String method, String path, Throwable cause) {
		super(method, path, "Connection to the Kernel API failed for " + method + " " + path + ": "
				+ describe(cause), cause);
	}

	private static String describe(Throwable cause) {
		Throwable root = cause;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		String message = root.getMessage();
		return root.getClass().getSimpleName() + ((message != null) ? " (" + message + ")" : "");
	}

}
