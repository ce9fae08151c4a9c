/**
 * {@link io.pikos.api.Pikos}: factories for the standard recorders and monitors, as the seed's
 * {@code pikos.api}; meant for {@code import static io.pikos.api.Pikos.*}.
 */
package io.pikos.api;
