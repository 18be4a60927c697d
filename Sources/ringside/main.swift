print("ringside")
