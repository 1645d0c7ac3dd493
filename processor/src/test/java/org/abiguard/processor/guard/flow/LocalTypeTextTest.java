package org.abiguard.processor.guard.flow;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The look at a source's text that decides whether it is parsed for local classes: it must see
 * every class no named class has as a member (a miss would keep a check a call may undo), and may
 * see more; a file of top-level and member types only lets it pass.
 */
class LocalTypeTextTest {
  private static boolean local(String text) {
    return LocalTypeText.mayDeclareLocalType(text);
  }

  @Test
  void seesATypeDeclaredInAnyBodyOfCode() {
    assertTrue(local("class A { void m() { class L implements Step {} } }"));
    assertTrue(local("class A { A() { final class L {} } }"));
    assertTrue(local("class A { static { class L {} } }"));
    assertTrue(local("class A { { abstract class L {} } }"));
    assertTrue(local("class A { Runnable r = () -> { class L {} }; }"));
    assertTrue(local("class A { void m(int k) { switch (k) { case 1 -> { class L {} } } } }"));
    assertTrue(local("class A { void m() throws E { if (c) { class L {} } } }"));
    assertTrue(local("enum E { X; void m() { class L {} } }"));
    assertTrue(local("record R(int a) { R { class L {} } }"));
  }

  @Test
  void seesLocalRecordsEnumsAndInterfaces() {
    assertTrue(local("class A { void m() { record L(long v) implements Step {} } }"));
    assertTrue(local("class A { void m() { enum L implements Step { X } } }"));
    assertTrue(local("class A { void m() { interface L extends Step {} } }"));
  }

  @Test
  void seesAMemberOfAnAnonymousClassOrAnEnumConstantsBody() {
    assertTrue(local("class A { Step s = new Step() { class Inner {} }; }"));
    assertTrue(local("enum E { X { class Inner {} } }"));
  }

  @Test
  void isNotMisledByAnnotationsCommentsLiteralsOrNames() {
    assertTrue(local("class A { void m() { @Deprecated({\"}\"}) class L {} } }"));
    assertTrue(local("class A { void m() { /* } */ // }\n class L {} } }"));
    assertTrue(local("class A { void m() { String s = \"}\"; char c = '}'; class L {} } }"));
    assertTrue(local("class A { void m() { String s = \"\"\"\n } \\\"\"\" \"\"\"; class L {} } }"));
    assertTrue(
        local("class A { void m(Object record) { if (record instanceof R) { class L {} } } }"));
  }

  @Test
  void letsPassTopLevelAndMemberTypesOnly() {
    assertFalse(local("package p; import q.R; public final class A<T extends B<T>> extends C {}"));
    assertFalse(
        local(
            """
            /** The class of a struct; class L in a comment. */
            @Ann({1, 2})
            public class A implements I {
              static final Class<?> K = A.class;
              String s = "class L {}";
              private static class Member { void m() { int record = 1; record++; } }
              interface Inner { enum Kind { X, Y } }
              public @interface Marker {}
              record Pair(int a, int b) {}
              void m(Record record) { Object o = int[].class; use(record); }
              enum E { X { void run() {} }; void run() {} }
            }
            class Second {}
            """));
  }
}
