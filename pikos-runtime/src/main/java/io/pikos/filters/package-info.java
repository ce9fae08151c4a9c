/**
 * Filters decide which records a recorder keeps: {@link io.pikos.filters.OnValue},
 * {@link io.pikos.filters.NotOnValue} and {@link io.pikos.filters.OnChange}, each on a column named
 * as in the CSV header ({@code "type"}, {@code "RSS"}, ...). Each is a
 * {@code java.util.function.Predicate}, so typed filters over record accessors work too:
 * {@code (FunctionRecord r) -> r.function().startsWith("get")}.
 */
package io.pikos.filters;
