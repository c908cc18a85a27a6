package dev.slsguard.reports.html;

/**
 * One event of a function.
 *
 * @param type     the event key ({@code sqs}, {@code http} ...)
 * @param line     the line where it starts ({@code functions.yml:7} in a file included with {@code ${file()}})
 * @param detail   its configuration in short (a string event's value, or the keys it sets)
 * @param analysed whether slsguard compiles this event type
 */
public record EventRow(String type, String line, String detail, boolean analysed) {
}
