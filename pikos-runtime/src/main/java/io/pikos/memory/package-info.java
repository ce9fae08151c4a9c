/**
 * The process memory the memory monitors record: {@link io.pikos.memory.ProcessMemory}.
 */
package io.pikos.memory;
