package dev.slsguard.reports.html;

/**
 * One event of a function.
 *
 * @param type     the event key ({@code sqs}, {@code http} ...)
 * @param line     where it starts
 * @param detail   its configuration in short (a string event's value, or the keys it sets)
 * @param analysed whether slsguard compiles this event type
 */
public record EventRow(String type, int line, String detail, boolean analysed) {
}
