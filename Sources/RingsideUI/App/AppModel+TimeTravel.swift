/// Time travel keys: `u` back, `U` redo, and the timeline bar (`t`).
///
/// The model only asks; the engine moves its timeline's cursor and reports the world at
/// that step, from which every panel is drawn again (see `apply`).
extension AppModel {
    /// Handles a time-travel action; nil for any other action.
    mutating func performTimeTravel(_ action: Action) -> [AppEffect]? {
        let move: TimeMove
        switch action {
        case .undo, .timelineBack:
            guard timeline.cursor > 0 || requestsOutstanding > 0 else {
                status = StatusMessage("at the start: there is no earlier step", answersKey: true)
                return []
            }
            move = .back
        case .redo, .timelineForward:
            guard timeline.isBack || requestsOutstanding > 0 else {
                status = StatusMessage("at the newest step (\(timeline.steps)): nothing to redo", answersKey: true)
                return []
            }
            move = .forward
        case .timelineStart:
            move = .to(0)
        case .timelineEnd:
            move = .to(Int.max)
        case .timeline:
            overlay = overlay == .timeline ? nil : .timeline
            stopPlaying()
            status = StatusMessage(positionText(), answersKey: true, isWarning: timeline.isBack)
            return []
        case .timelineClose:
            overlay = nil
            status = StatusMessage(positionText(), answersKey: true, isWarning: timeline.isBack)
            return []
        default:
            return nil
        }
        // Playing on would act at once and end the branch the user went back on.
        stopPlaying()
        return [.engine(.travel(move))]
    }

    private mutating func stopPlaying() {
        isPlaying = false
        stepBudget = 0
        maintenanceDue = nil
    }
}
