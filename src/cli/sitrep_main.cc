// Placeholder; the CLI lands with the foundation work.
#include <cstdio>
int main() {
  std::puts("sitrep");
  return 0;
}
