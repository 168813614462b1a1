import type { components, operations } from '../api/schema';

// The shapes of the meetings' endpoints, from the typed client; the team's screens import them from here.
type Schemas = components['schemas'];
export type MeetingKind = Schemas['MeetingKind'];
export type Audience = Schemas['MeetingAudience'];
export type MeetingStatus = Schemas['MeetingStatus'];
export type HostRole = Schemas['HostRole'];
export type RegistrationStatus = Schemas['RegistrationStatus'];
export type Attendance = Schemas['Attendance'];
export type CodeName = Schemas['CodeName'];
export type Places = Schemas['Places'];
export type MeetingSummary = Schemas['MeetingSummary'];
export type Host = Schemas['Host'];
export type PersonRef = Schemas['PersonRef'];
export type MeetingDetail = Schemas['MeetingDetail'];
export type MeetingPage = Schemas['MeetingPage'];
export type RegistrationCreate = Schemas['RegistrationCreate'];
export type Registration = Schemas['Registration'];
export type RegistrationList = Schemas['RegistrationList'];
export type MyMeeting = Schemas['MyMeeting'];
export type MyMeetings = Schemas['MyMeetings'];
/** The registration behind a mail's cancel link. */
export type RegistrationByToken = Schemas['RegistrationLookup'];
export type Slot = Schemas['Slot'];
export type SlotList = Schemas['SlotList'];
export type SlotBooking = Schemas['BookingCreate'];
export type Booking = Schemas['Booking'];
/** `url` only in the answer that makes it: the server keeps a hash, so it can never be shown again. */
export type CalendarFeed = Schemas['PersonalCalendar'];
export type MeetingRating = Schemas['MeetingRatingRead'];
export type MeetingRatingWrite = Schemas['MeetingRatingWrite'];

/** The agenda's filters the screens use (a subset of what the API takes). */
export type AgendaQuery = Pick<
  NonNullable<operations['bijeenkomstenOpvragen']['parameters']['query']>,
  'soort' | 'maatregel' | 'provincie' | 'afgelopen' | 'pagina' | 'paginaGrootte'
>;
