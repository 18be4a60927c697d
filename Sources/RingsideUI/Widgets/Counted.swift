/// "1 replica", "2 replicas": a count with its noun, so no title says "1 replicas".
func counted(_ count: Int, _ noun: String) -> String {
    "\(count) \(noun)\(count == 1 ? "" : "s")"
}
