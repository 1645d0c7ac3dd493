package org.abiguard.processor.guard.flow;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The look at a source's text that decides whether it is parsed for anonymous classes: it must see
 * every anonymous class (a miss would keep a check a call may undo), and may see more.
 */
class OtherClassFunctionsTest {
  @Test
  void seesAnAnonymousClassWhateverItsArgumentsAndTheSpaceBeforeItsBody() {
    assertTrue(OtherClassFunctions.mayCreateAnonymous("Step s = new Step() {};"));
    assertTrue(OtherClassFunctions.mayCreateAnonymous("x = new Base<>(a, f(b, c)) \n {"));
    assertTrue(OtherClassFunctions.mayCreateAnonymous("x = new Base(\"(\", ')') {"));
    assertTrue(OtherClassFunctions.mayCreateAnonymous("x = new Base(\"\\\")(\") {"));
    assertTrue(OtherClassFunctions.mayCreateAnonymous("x = new Base() /* body: */ {"));
    assertTrue(OtherClassFunctions.mayCreateAnonymous("x = new Base() // body\n {"));
    assertTrue(OtherClassFunctions.mayCreateAnonymous("x = new p.Outer.Base(() -> { run(); }) {"));
    assertTrue(
        OtherClassFunctions.mayCreateAnonymous(
            "x = new Base(\"\"\"\n  ) ( \\\"\"\" )\n  \"\"\") {"));
  }

  @Test
  void seesAnEnumWhoseConstantsMayHaveBodies() {
    assertTrue(OtherClassFunctions.mayCreateAnonymous("enum Mode { GROW { void run() {} } }"));
  }

  @Test
  void letsPassTextWithoutOne() {
    assertFalse(OtherClassFunctions.mayCreateAnonymous("x = new Base(); if (x) { y(); }"));
    assertFalse(OtherClassFunctions.mayCreateAnonymous("renew() { }"));
    assertFalse(OtherClassFunctions.mayCreateAnonymous("int[] a = new int[] {1, 2};"));
    assertFalse(OtherClassFunctions.mayCreateAnonymous("class A { void m() { newer(); } }"));
  }
}
