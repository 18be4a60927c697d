/// View control (`select`, `focus`, `highlight`): the terminal view acts on it; headless it
/// is ignored (script.md: "the headless runner ignores them"), nodes it names included:
/// an unknown one is no error here (it once was), and the view passes over it.
extension Interpreter {
    func startViewControl(_ command: Command, _ sim: Simulation) -> [ScriptOutput] {
        []
    }
}
