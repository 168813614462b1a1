"""The personal digest (persoonlijk overzicht): for each municipal contact, weekly or monthly as
she chooses, her own municipalities' deadlines, the cells that turned late or at risk, and what is
new for the measures where they are behind."""
