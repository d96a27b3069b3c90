package io.github.kernelboot.client;

/**
 * A request broke a documented limit of the Kernel API and was not sent.
 */
public class InvalidRequestException extends KernelException {

	private final String field;

	/**
	 * Creates an exception for the given field.
	 * @param field JSON path of the offending field, such as {@code viewport.width}
	 * @param problem what is wrong with it
	 */
	public InvalidRequestException(String field, String problem) {
		super(field + " " + problem, null);
		this.field = field;
	}

	/**
	 * Returns the JSON path of the offending field, such as {@code viewport.width}.
	 * @return the field
	 */
	public String getField() {
		return this.field;
	}

	/**
	 * Returns what is wrong with the field, without the field's name.
	 * @return the problem
	 */
	public String getProblem() {
		return getMessage().substring(this.field.length() + 1);
	}

}
