module org.example.hv {
  requires transitive org.abiguard;

  exports org.example.hv;
}
