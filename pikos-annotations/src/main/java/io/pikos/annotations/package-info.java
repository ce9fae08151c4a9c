/**
 * The annotation that marks a method or constructor for monitoring, {@link io.pikos.annotations.Monitored},
 * with the enums naming its monitor and its recording. This package depends on nothing but the JDK.
 */
package io.pikos.annotations;
