"""The register of bottlenecks and improvement proposals (knelpuntenregister): signals from
practice, the evidence behind them, and the loop that carries them to the people who can change
things and brings the answer back to the municipalities."""
