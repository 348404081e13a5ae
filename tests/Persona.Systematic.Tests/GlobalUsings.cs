global using Monitor = Persona.Systematic.Specifications.Monitor;
