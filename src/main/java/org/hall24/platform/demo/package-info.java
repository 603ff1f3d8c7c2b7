/**
 * The demo switch ({@code hall24.demo}): the demo parts each module declares, the guard that
 * refuses a production start while any is on, and the demo mode pages and print-outs read.
 */
@NullMarked
package org.hall24.platform.demo;

import org.jspecify.annotations.NullMarked;
