package org.abiguard.example.xen.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Wrapping of the argument column. */
class CallTableTest {
  @Test
  void shortArgumentsStayOnOneLine() {
    assertEquals(
        List.of("domid=DOMID_SELF gpfn=0x800"), CallTable.wrap("domid=DOMID_SELF gpfn=0x800"));
  }

  @Test
  void longArgumentsBreakBetweenFieldsAndListsStayWithTheirField() {
    String text =
        "domid=DOMID_SELF space=gmfn_foreign size=3 foreign_domid=1 idxs=0x1018 [0x300 0x900 0xdead]"
            + " gpfns=0x1028 [0x800 0x801 0x802] errs=0x1038";
    List<String> lines = CallTable.wrap(text);
    assertEquals(
        List.of(
            "domid=DOMID_SELF space=gmfn_foreign size=3 foreign_domid=1",
            "idxs=0x1018 [0x300 0x900 0xdead] gpfns=0x1028 [0x800 0x801 0x802]",
            "errs=0x1038"),
        lines);
    assertEquals(text, String.join(" ", lines));
  }

  @Test
  void aFieldLongerThanTheColumnIsNotCut() {
    String list = "buffer=[" + "0x0+0x1000:1 ".repeat(10).trim() + "]";
    assertEquals(List.of("nr_entries=10", list), CallTable.wrap("nr_entries=10 " + list));
  }
}
