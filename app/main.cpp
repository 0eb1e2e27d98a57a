// fundsim: school funding formulae, protections and balancing for English local authorities.
#include "app/dispatch.hpp"
int main(int argc, char** argv) { return fundsim::app::main_entry(argc, argv); }
