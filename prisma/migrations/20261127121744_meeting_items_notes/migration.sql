-- CreateEnum
CREATE TYPE "MeetingItemStatus" AS ENUM ('pending', 'discussed', 'carried_over');

-- CreateEnum
CREATE TYPE "MeetingNoteKind" AS ENUM ('note', 'decision');

-- CreateTable
CREATE TABLE "MeetingItem" (
    "id" UUID NOT NULL,
    "meetingId" UUID NOT NULL,
    "key" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "refId" UUID,
    "title" TEXT NOT NULL,
    "detail" TEXT NOT NULL DEFAULT '',
    "position" INTEGER NOT NULL,
    "status" "MeetingItemStatus" NOT NULL DEFAULT 'pending',
    "carriedOver" BOOLEAN NOT NULL DEFAULT false,
    "discussedAt" TIMESTAMPTZ(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "MeetingItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MeetingNote" (
    "id" UUID NOT NULL,
    "meetingId" UUID NOT NULL,
    "itemId" UUID,
    "authorId" UUID,
    "kind" "MeetingNoteKind" NOT NULL DEFAULT 'note',
    "body" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "MeetingNote_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "MeetingItem_meetingId_position_idx" ON "MeetingItem"("meetingId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "MeetingItem_meetingId_key_key" ON "MeetingItem"("meetingId", "key");

-- CreateIndex
CREATE INDEX "MeetingNote_meetingId_createdAt_idx" ON "MeetingNote"("meetingId", "createdAt");

-- CreateIndex
CREATE INDEX "MeetingNote_itemId_idx" ON "MeetingNote"("itemId");

-- AddForeignKey
ALTER TABLE "MeetingItem" ADD CONSTRAINT "MeetingItem_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "ReviewMeeting"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MeetingNote" ADD CONSTRAINT "MeetingNote_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "ReviewMeeting"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MeetingNote" ADD CONSTRAINT "MeetingNote_itemId_fkey" FOREIGN KEY ("itemId") REFERENCES "MeetingItem"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MeetingNote" ADD CONSTRAINT "MeetingNote_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
