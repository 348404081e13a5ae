global using Persona.Spec.Model;
global using Persona.Systematic.Actors;
global using Monitor = Persona.Systematic.Specifications.Monitor;
global using State = Persona.Systematic.Actors.State;
